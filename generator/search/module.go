package search

// ModulePath is where the build writes Module, under the site root: a
// stable name, so that scripts of a site's own can import it.
const ModulePath = "search/search.mjs"

// Module is the search client's ES module entry point. It is not a second
// client: every page loads assets/search.js, a classic script because
// browsers refuse module scripts on file:// pages (modules need http or
// https), and the module waits for it and calls it.
const Module = `// The handbook's search as an ES module (see README.md, "JavaScript API"):
//   import { search } from "<site>/search/search.mjs";
// It waits for the page's own search client (assets/search.js) and calls it.
const client = () => globalThis.handbook && globalThis.handbook.search;
const ready = new Promise((resolve) => {
  if (client() || document.readyState === "complete") return resolve();
  document.addEventListener("DOMContentLoaded", resolve, { once: true });
  window.addEventListener("load", resolve, { once: true });
});
export async function search(query, options) {
  await ready;
  if (!client()) throw new Error("handbook search: this page does not load assets/search.js");
  return client()(query, options);
}
export default search;
`
