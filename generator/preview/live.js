// Live reload for handbook serve. Injected into every HTML page, in serve
// mode only.
(() => {
  const key = "handbook-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const restore = () => window.scrollTo(0, Number(saved));
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
  }
  const reload = () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
  // A stylesheet-only change swaps the stylesheets in place: no reload,
  // no lost scroll position or open details.
  const swapCSS = async () => {
    const res = await fetch(location.href, { cache: "no-store" });
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const fresh = [...doc.querySelectorAll('link[rel="stylesheet"]')];
    const old = [...document.querySelectorAll('link[rel="stylesheet"]')];
    if (fresh.length !== old.length) return reload();
    old.forEach((l, i) => {
      const href = fresh[i].getAttribute("href");
      if (l.getAttribute("href") !== href) l.setAttribute("href", href);
    });
  };
  let version = document.currentScript.dataset.version || null;
  const events = new EventSource("/_handbook/events");
  events.addEventListener("hello", (e) => {
    if (version !== null && e.data !== version) reload();
    version = e.data;
  });
  events.addEventListener("reload", (e) => {
    version = e.data;
    reload();
  });
  events.addEventListener("css", (e) => {
    version = e.data;
    swapCSS().catch(reload);
  });
})();
