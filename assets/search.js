// The handbook's search client. It searches the index that the build writes
// to search/index/ and drives the search box in every page's header and the
// /search/ page. The API is handbook.search(query, {kind, team, limit}); see
// README.md.
//
// It mirrors generator/search (tokenize.go, stem.go, query.go, searcher.go,
// excerpt.go) step for step, so that both rank exactly alike; a browser test
// compares them. It is a classic script, not a module, because browsers
// refuse module scripts on file:// pages, and the index's shards are script
// files too, because fetch() of local files is blocked there.
(() => {
  "use strict";
  const root = new URL("../", document.currentScript.src).href;
  const dir = root + "search/index/";
  const hb = (window.handbook = window.handbook || {});

  // Loading shards: each file calls handbook.search._load(name, data).
  const shards = {};
  const load = (name) => {
    if (!shards[name]) {
      let ok;
      const p = new Promise((resolve, reject) => {
        ok = resolve;
        const s = document.createElement("script");
        s.src = dir + name + ".js";
        s.onerror = () => reject(new Error("search: cannot load " + s.src));
        document.head.appendChild(s);
      });
      shards[name] = { p, ok };
    }
    return shards[name].p;
  };
  const loadAll = (names) => Promise.all([...new Set(names)].map(load));
  let manifest;
  const getManifest = () => (manifest = manifest || load("manifest"));
  // shardOf returns the index of the last entry of list whose first key is
  // at most k: numbers as numbers, strings in code-point order (less), as
  // Go sorts the dictionary.
  const shardOf = (list, k) => {
    const atMost = typeof k === "string" ? (key) => !less(k, key) : (key) => key <= k;
    let lo = 0, hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (atMost(list[mid][0])) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  // upTo(p) is past every term that starts with p, in code-point order.
  const upTo = (p) => p + "\u{10ffff}";
  const range = (list, lo, hi) => {
    const out = [];
    for (let i = shardOf(list, lo); i <= shardOf(list, hi); i++) out.push(list[i][1]);
    return out;
  };

  // Text: tokenize.go, stem.go.
  const isWord = (c) => /[\p{L}\p{N}]/u.test(c);
  const isJoiner = (c) => "._-+#%/".includes(c);
  const isLetter = (c) => /\p{L}/u.test(c);
  const fold = (s) =>
    s.replace(/[\u00c0-\u024f]/g, (c) => {
      const d = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      return d.length === 1 ? d : c;
    }).toLowerCase();
  const camel = (rs) => {
    const out = [];
    let start = 0;
    for (let i = 1; i < rs.length; i++) {
      const lu = /\p{Ll}/u.test(rs[i - 1]) && /\p{Lu}/u.test(rs[i]);
      const ae = /\p{Lu}/u.test(rs[i - 1]) && /\p{Lu}/u.test(rs[i]) && i + 1 < rs.length && /\p{Ll}/u.test(rs[i + 1]);
      if (lu || ae) {
        out.push(rs.slice(start, i).join(""));
        start = i;
      }
    }
    out.push(rs.slice(start).join(""));
    return out;
  };
  const word = (run) => {
    while (run.length && !isWord(run[0])) run = run.slice(1);
    for (let e = run.length; e > 0; e--) {
      const c = run[e - 1];
      if (isWord(c)) { run = run.slice(0, e); break; }
      if (c === "+" || c === "#") {
        let j = e - 1;
        while (j > 0 && (run[j - 1] === "+" || run[j - 1] === "#")) j--;
        if (j > 0 && isLetter(run[j - 1])) { run = run.slice(0, e); break; }
      }
      if (c === "%" && e >= 2 && /\p{Nd}/u.test(run[e - 2])) { run = run.slice(0, e); break; }
      if (e === 1) run = [];
    }
    if (!run.length) return null;
    const parts = [];
    for (let i = 0; i < run.length; ) {
      if (!isWord(run[i])) { i++; continue; }
      let j = i;
      while (j < run.length && isWord(run[j])) j++;
      parts.push(...camel(run.slice(i, j)));
      i = j;
    }
    return { whole: fold(run.join("")), parts: parts.length > 1 ? parts.map(fold) : [] };
  };
  const words = (s) => {
    const rs = Array.from(s), out = [];
    for (let i = 0; i < rs.length; ) {
      if (!isWord(rs[i]) && !isJoiner(rs[i])) { i++; continue; }
      let j = i;
      while (j < rs.length && (isWord(rs[j]) || isJoiner(rs[j]))) j++;
      const w = word(rs.slice(i, j));
      if (w) out.push(w);
      i = j;
    }
    return out;
  };
  const stem = (w) => {
    if (w.length < 4 || /[^a-z]/.test(w)) return w;
    if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (w.endsWith("ing") && w.length >= 7) w = w.slice(0, -3);
    else if (w.endsWith("ed") && w.length >= 6) w = w.slice(0, -2);
    if (w.endsWith("e") && w.length >= 5) w = w.slice(0, -1);
    return w;
  };
  const runeLen = (s) => Array.from(s).length;

  // Queries: query.go.
  const stop = new Set("a an and are as at be by can do does for from how i in is it my of on or our should that the this to we what when where which who why with".split(" "));
  const parseQuery = (q) => {
    let out = [];
    q.split('"').forEach((seg, i) => {
      for (const w of words(seg)) out.push({ ...w, phrase: i % 2 ? i >> 1 : -1, last: false });
    });
    out = out.slice(0, 10);
    const rs = Array.from(q), n = out.length;
    if (n && out[n - 1].phrase < 0 && rs.length && (isWord(rs[rs.length - 1]) || isJoiner(rs[rs.length - 1]))) out[n - 1].last = true;
    const kept = out.filter((w) => !stop.has(w.whole) || w.phrase >= 0 || w.last);
    return kept.length ? kept : out;
  };

  // Related terms: synonyms.go (a test holds the two tables equal).
  const related = `promote promoted promotion promotions: career ladder progression level
career: ladder progression level
level levels: ladder career
outage outages broken breaks downtime: incident on-call
paged pager paging: on-call incident
on-call oncall: incident rota
approve approves approved approval approver sign: review owner
hire hired hiring joined joiner joiners newcomer: onboarding start
training course courses certification: learning development
measure measured kpi kpis: metrics performance
uptime: availability metrics
responsible: owner
pull pr prs: review
deploy deploys deployment deployments release: devops pipeline
tool tools: skills`;
  const synonyms = new Map();
  for (const line of related.split("\n")) {
    const [left, right] = line.split(":");
    const rel = right.split(" ").filter(Boolean).map((w) => stem(fold(w)));
    for (const w of left.split(" ").filter(Boolean)) {
      const k = stem(fold(w));
      synonyms.set(k, [...(synonyms.get(k) || []), ...rel]);
    }
  }

  // distance: the optimal-string-alignment distance between two words as
  // chars() gives them (code points), or k+1 beyond k.
  const chars = (s) => Int32Array.from(Array.from(s), (c) => c.codePointAt(0));
  let b0, b1, b2;
  const distance = (a, b, k) => {
    const n = a.length, m = b.length;
    if (Math.abs(n - m) > k) return k + 1;
    if (!b0 || b0.length <= m) [b0, b1, b2] = [0, 1, 2].map(() => new Int32Array(2 * m + 2));
    let prev2 = b0, prev = b1, cur = b2;
    for (let j = 0; j <= m; j++) prev[j] = j;
    for (let i = 1; i <= n; i++) {
      const x = a[i - 1];
      let low = (cur[0] = i);
      for (let j = 1; j <= m; j++) {
        let v = prev[j - 1] + (x === b[j - 1] ? 0 : 1);
        if (prev[j] < v) v = prev[j] + 1;
        if (cur[j - 1] < v) v = cur[j - 1] + 1;
        if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === b[j - 1] && prev2[j - 2] < v) v = prev2[j - 2] + 1;
        if ((cur[j] = v) < low) low = v;
      }
      if (low > k) return k + 1;
      const t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], k + 1);
  };

  // The dictionary, as far as it has been loaded: term -> df, and the
  // sorted terms of each loaded shard.
  const dict = new Map();
  const dictShards = {};
  const loadDict = async (m, names) => {
    const data = await loadAll(names);
    names.forEach((n, i) => {
      if (dictShards[n]) return;
      const d = data[[...new Set(names)].indexOf(n)];
      dictShards[n] = d.t;
      d.t.forEach((t, j) => dict.set(t, d.d[j]));
    });
  };
  // less orders strings by code point, as Go sorts the dictionary (UTF-16
  // order differs where a surrogate meets U+E000 to U+FFFF).
  const less = (a, b) => {
    for (let i = 0, n = Math.min(a.length, b.length); i < n; i++) {
      const x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return (x >= 0xd800 && y >= 0xd800 ? a.codePointAt(i) - b.codePointAt(i) : x - y) < 0;
    }
    return a.length < b.length;
  };
  // prefixed returns the loaded terms that start with p, in dictionary
  // order: each shard's terms are sorted, so they begin where a binary
  // search says, and no other term is looked at.
  const prefixed = (m, p) => {
    const out = [];
    for (const n of range(m.dict, p, upTo(p))) {
      const ts = dictShards[n];
      let lo = 0, hi = ts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (less(ts[mid], p)) lo = mid + 1; else hi = mid;
      }
      for (let i = lo; i < ts.length && ts[i].startsWith(p); i++) out.push(ts[i]);
    }
    return out;
  };
  // The terms that start with a letter, for typos, grouped by their length
  // in code points: a term longer or shorter than the typed word by more
  // than k is more than k edits away and is never looked at. Each keeps its
  // place in the dictionary, for ties, and a mask of its characters (bit
  // c % 32 for each code point c): one edit flips at most two of its bits,
  // so a term whose mask differs from the word's in more than 2k bits is
  // skipped too. The shards of a letter are loaded whole before this is
  // asked, so it is kept.
  const maskOf = (cs) => {
    let x = 0;
    for (const c of cs) x |= 1 << (c & 31);
    return x;
  };
  const bits = (x) => {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  };
  const letters = new Map();
  const lettered = (m, first) => {
    if (!letters.has(first)) {
      const byLen = [];
      prefixed(m, first).forEach((c, i) => {
        const cc = chars(c);
        (byLen[cc.length] = byLen[cc.length] || []).push({ c, cc, mask: maskOf(cc), i });
      });
      letters.set(first, byLen);
    }
    return letters.get(first);
  };
  // typos: searcher.go's Index.typos, the terms within k edits of raw or
  // of its stem key, fewest edits first, then the commonest, then in
  // dictionary order.
  const typos = (m, first, rawText, keyText, k) => {
    const byLen = lettered(m, first), fs = [], two = keyText !== rawText;
    const raw = chars(rawText), key = chars(keyText);
    const mr = maskOf(raw), mk = maskOf(key), nr = raw.length, nk = key.length;
    for (let len = Math.max(1, Math.min(nr, nk) - k); len <= Math.max(nr, nk) + k; len++) {
      for (const e of byLen[len] || []) {
        let d = k + 1;
        if (Math.abs(len - nr) <= k && bits(mr ^ e.mask) <= 2 * k) d = distance(raw, e.cc, k);
        if (two && d > 0 && Math.abs(len - nk) <= k && bits(mk ^ e.mask) <= 2 * k) d = Math.min(d, distance(key, e.cc, k));
        if (d <= k) fs.push([e.c, d, e.i]);
      }
    }
    return fs.sort((a, b) => a[1] - b[1] || dict.get(b[0]) - dict.get(a[0]) || a[2] - b[2]);
  };

  // terms: searcher.go's Index.terms and typos.
  const resolve = async (m, ws) => {
    const need = [];
    const rel = (k) => (synonyms.get(k) || []).flatMap((r) => range(m.dict, r, r));
    for (const w of ws) {
      need.push(...range(m.dict, stem(w.whole), stem(w.whole)), ...rel(stem(w.whole)));
      for (const p of w.parts) need.push(...range(m.dict, stem(p), stem(p)), ...rel(stem(p)));
      if (w.last) for (const p of w.parts.length ? [w.whole, w.parts[w.parts.length - 1]] : [w.whole]) need.push(...range(m.dict, p, upTo(p)));
    }
    await loadDict(m, need);
    const out = [];
    for (const w of ws) {
      if (!w.parts.length || dict.has(stem(w.whole))) out.push({ raw: w.whole, phrase: w.phrase, last: w.last });
      else w.parts.forEach((p, i) => out.push({ raw: p, phrase: w.phrase, last: w.last && i === w.parts.length - 1 }));
    }
    for (const t of out) {
      t.key = stem(t.raw);
      t.cands = [];
      if (dict.has(t.key)) t.cands.push([t.key, 0]);
      if (t.phrase >= 0) continue;
      if (t.last && runeLen(t.raw) >= 2) {
        const pre = prefixed(m, t.raw).filter((x) => x !== t.key);
        pre.sort((a, b) => dict.get(b) - dict.get(a));
        for (const x of pre.slice(0, 30)) t.cands.push([x, 1]);
      }
      for (const r of synonyms.get(t.key) || []) if (dict.has(r) && !t.cands.some(([c]) => c === r)) t.cands.push([r, 4]);
      if (!t.cands.length) {
        const n = runeLen(t.raw), k = n >= 8 ? 2 : n >= 4 ? 1 : 0;
        if (!k) continue;
        const first = Array.from(t.raw)[0];
        await loadDict(m, range(m.dict, first, upTo(first)));
        for (const [c, d] of typos(m, first, t.raw, t.key, k).slice(0, 10)) t.cands.push([c, 1 + d]);
      }
    }
    for (const t of out) t.common = t.cands.some(([c]) => dict.get(c) > m.cap);
    return out;
  };

  // postingsOf decodes a term's postings (encode.go) to page, section,
  // impact triples (title flag 128), once.
  const digit = new Int8Array(128).fill(-1);
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].forEach((c, i) => (digit[c.charCodeAt(0)] = i));
  const decoded = new Map();
  const postingsOf = (term, s) => {
    let out = decoded.get(term);
    if (out) return out;
    const a = [];
    let i = 0;
    const num = () => {
      let v = 0, sh = 0, d;
      while ((d = digit[s.charCodeAt(i++)]) >= 32) (v |= (d - 32) << sh), (sh += 5);
      return v | (d << sh);
    };
    for (let page = 0; i < s.length; ) {
      const v = num();
      let sec = v & 7;
      if (sec === 7) sec += num();
      page += v >> 4;
      a.push(page, sec, digit[s.charCodeAt(i++)] | ((v & 8) << 4));
    }
    decoded.set(term, (out = Int32Array.from(a)));
    return out;
  };
  // A section's id is left out of the index when it is its ASCII title's
  // slug (encode.go).
  const slug = (t) => (/[^\x00-\x7f]/.test(t) ? "" : t.toLowerCase().replace(/[^a-z0-9_ -]/g, "").replace(/ /g, "-"));

  const compare = (a, b) => b.words - a.words || a.typos - b.typos || b.boost - a.boost || a.prefixes - b.prefixes || b.score - a.score || a.page - b.page || a.sec - b.sec;
  const named = new Set(["role", "process", "team", "ladder", "skill"]);
  // groupOf returns a page's group (kind, team, first page), through a
  // table of each page's group made once: queries that find thousands of
  // records ask for every one.
  const groupOf = (m, page) => {
    if (!m.groupAt) {
      const firsts = m.groups.map((g) => [g[2]]);
      m.groupAt = new Uint32Array(m.pages);
      for (let p = 0; p < m.pages; p++) m.groupAt[p] = shardOf(firsts, p);
    }
    return m.groups[m.groupAt[page]];
  };
  // score sets each record's criteria (compare's fields); rank sorts too.
  // A record's hits, one per term, are H[r.h] on: cost << 8 | impact
  // (title flag included), -1 for none. They live in one array for all
  // records rather than one array each, for queries that find thousands.
  const rank = (m, recs, terms, H) => {
    score(m, recs, terms, H);
    recs.sort(compare);
  };
  const score = (m, recs, terms, H) => {
    const nt = terms.length;
    for (const r of recs) {
      r.words = r.typos = r.score = r.boost = r.prefixes = 0;
      let titled = 0, counted = 0, commonTitled = true;
      for (let i = 0; i < nt; i++) {
        const h = H[r.h + i];
        if (terms[i].common) {
          if (h >= 0) r.score += h & 127;
          commonTitled = commonTitled && h >= 0 && (h & 128) !== 0; // title postings are never cut
          continue;
        }
        counted++;
        if (h < 0) continue;
        r.words++;
        const cost = h >> 8;
        if (cost === 1) r.prefixes++;
        else if (cost !== 4) r.typos += Math.max(0, cost - 1);
        r.score += h & 127;
        if (h & 128) titled++;
      }
      if (r.words === counted && titled === r.words && commonTitled && nt > 0) {
        r.boost = r.sec === 0 && named.has(groupOf(m, r.page)[0]) ? 2 : 1;
      }
    }
  };
  const packs = {};
  const pageOf = async (m, page) => {
    const i = shardOf(m.packs, page), [first, name] = m.packs[i];
    packs[name] = packs[name] || (await load(name));
    return packs[name][page - first];
  };
  const hasPhrase = (text, keys) => {
    const s = [];
    for (const w of words(text)) s.push(stem(w.whole), ...w.parts.map(stem));
    for (let i = 0; i + keys.length <= s.length; i++) if (keys.every((k, j) => s[i + j] === k)) return true;
    return false;
  };
  const checkPhrases = async (m, recs, terms, H) => {
    const phrases = new Map();
    terms.forEach((t, i) => t.phrase >= 0 && phrases.set(t.phrase, [...(phrases.get(t.phrase) || []), i]));
    const plan = [];
    for (const ph of [...phrases.keys()].sort((a, b) => a - b)) {
      const members = phrases.get(ph);
      if (members.length < 2) continue;
      const checked = recs.filter((r) => members.every((i) => H[r.h + i] >= 0)).slice(0, 50);
      plan.push([members, new Set(checked)]);
    }
    await Promise.all(plan.flatMap(([, c]) => [...c].map((r) => pageOf(m, r.page))));
    for (const [members, checked] of plan) {
      const keys = members.map((i) => terms[i].key);
      for (const r of recs) {
        if (checked.has(r)) {
          const p = await pageOf(m, r.page), rec = p[3][r.sec];
          if (hasPhrase((r.sec ? rec[1] : p[1]) + " " + rec[2], keys)) continue;
        }
        for (const i of members) H[r.h + i] = -1;
      }
    }
    rank(m, recs, terms, H);
    return recs.filter((r) => terms.some((_, i) => H[r.h + i] >= 0));
  };

  const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  // excerpt: excerpt.go.
  // The text is folded once when folding keeps its length (it nearly
  // always does), rather than word by word, and words are cut only as far as
  // the window needs. A word w matches when fold(w) or stem(fold(w)) is
  // matched; stem only cuts a suffix (or turns "ies" into "y"), so every
  // match contains a matched term less its last letter: a text without any
  // cannot match and its words need no test.
  const wordRe = /[\p{L}\p{N}]+/gu;
  const cues = new WeakMap();
  const excerpt = (text, matched) => {
    if (!cues.has(matched)) cues.set(matched, [...matched].map((t) => (t.length > 1 ? t.slice(0, -1) : t)));
    const folded = fold(text), same = folded.length === text.length && !text.includes("Σ"); // final sigma depends on context
    const maybe = !same || cues.get(matched).some((c) => folded.includes(c));
    const hit = (s, e) => {
      if (!maybe) return false;
      const f = same ? folded.slice(s, e) : fold(text.slice(s, e));
      return matched.has(f) || matched.has(stem(f));
    };
    const ws = [], marks = [];
    let first = -1, x;
    wordRe.lastIndex = 0;
    while ((x = wordRe.exec(text))) {
      const i = ws.length / 2, s = x.index, e = s + x[0].length, h = hit(s, e);
      ws.push(s, e);
      marks.push(h);
      if (first < 0 && h) first = Math.max(0, i - 4);
      if (i >= (first < 0 ? (maybe ? Infinity : 24) : first + 24)) break; // one word past the window: there is more
    }
    const n = ws.length / 2;
    if (!n) return escape(text);
    first = Math.max(0, first);
    const end = Math.min(n, first + 24);
    let out = first > 0 ? "… " : "", prev = ws[2 * first];
    for (let i = first; i < end; i++) {
      const s = ws[2 * i], e = ws[2 * i + 1], t = escape(text.slice(s, e));
      out += escape(text.slice(prev, s)) + (marks[i] ? "<mark>" + t + "</mark>" : t);
      prev = e;
    }
    return out + (end < n ? " …" : escape(text.slice(prev)));
  };

  // search: searcher.go's Index.Search. It resolves to the results, best
  // first, an array that also carries total (pages matched, after the
  // filters) and counts (pages matched per kind, before the kind filter).
  const search = async (query, opt = {}) => {
    const m = await getManifest();
    const limit = opt.limit || 10;
    const res = Object.assign([], { total: 0, counts: {} });
    const terms = await resolve(m, parseQuery(String(query)));
    if (!terms.length) return res;
    const names = terms.flatMap((t) => t.cands.map(([c]) => m.post[shardOf(m.post, c)][1]));
    const post = await loadAll(names);
    const uniq = [...new Set(names)];
    // The records found, and per page the last of its records found (each
    // record links to the page's one found before): arrays, not a map, for
    // queries that find thousands.
    const all = [], last = new Int32Array(m.pages).fill(-1), firsts = []; // firsts: the pages found, once each
    // Records are found by the ordinary words; a very common word only adds
    // to them, unless the query has nothing else (searcher.go's collect).
    const nt = terms.length, rare = terms.some((t) => !t.common);
    let H = new Int32Array(nt * 256).fill(-1);
    const collect = (t, ti, create) => {
      for (const [c, cost] of t.cands) {
        const enc = postingsOf(c, post[uniq.indexOf(m.post[shardOf(m.post, c)][1])][c]);
        for (let j = 0; j < enc.length; j += 3) {
          const page = enc[j], sec = enc[j + 1], imp = cost === 4 ? enc[j + 2] & 127 : enc[j + 2]; // a related term earns no title
          let r, x = last[page];
          while (x >= 0 && (r = all[x]).sec !== sec) x = r.prev;
          if (x < 0) {
            if (!create) continue;
            if (last[page] < 0) firsts.push(page);
            if ((all.length + 1) * nt > H.length) {
              const grown = new Int32Array(2 * H.length).fill(-1);
              grown.set(H);
              H = grown;
            }
            all.push((r = { page, sec, h: all.length * nt, words: 0, typos: 0, score: 0, boost: 0, prefixes: 0, prev: last[page] }));
            last[page] = all.length - 1;
          }
          // Better: no hit yet, a lower cost, then a title, then a higher impact.
          const old = H[r.h + ti];
          if (old < 0 || cost < old >> 8 || (cost === old >> 8 && ((imp & 128) > (old & 128) || ((imp & 128) === (old & 128) && (imp & 127) > (old & 127))))) H[r.h + ti] = (cost << 8) | imp;
        }
      }
    };
    for (const pass of [false, true]) terms.forEach((t, ti) => t.common === pass && collect(t, ti, !pass || !rare));
    // Quoted phrases are checked on the best records first, which needs
    // them all in order; a record left with no hit drops out.
    let kept = null;
    if (terms.some((t) => t.phrase >= 0)) {
      const recs = all.slice();
      rank(m, recs, terms, H);
      kept = new Set(await checkPhrases(m, recs, terms, H));
    } else score(m, all, terms, H);
    // Pages in the order of their best records: each page's best record,
    // then the best pages kept in a list of at most limit, which most pages
    // fail to enter at its last place. compare is a total order, so this is
    // the order a full sort gives, without one.
    const top = [];
    for (const first of firsts) {
      let b = null;
      for (let x = last[first]; x >= 0; x = all[x].prev) if ((!kept || kept.has(all[x])) && (!b || compare(all[x], b) < 0)) b = all[x];
      if (!b) continue;
      const g = groupOf(m, b.page), kind = g[0];
      if (opt.team && g[1] !== opt.team) continue;
      res.counts[kind] = (res.counts[kind] || 0) + 1;
      if (opt.kind && kind !== opt.kind) continue;
      res.total++;
      if (top.length === limit && compare(b, top[limit - 1][0]) > 0) continue;
      let i = top.length;
      while (i > 0 && compare(b, top[i - 1][0]) < 0) i--;
      top.splice(i, 0, [b, kind]);
      if (top.length > limit) top.pop();
    }
    // The sections of the pages shown, best first.
    const shown = [], best = new Map();
    for (const [b, kind] of top) {
      const secs = [];
      for (let x = last[b.page]; x >= 0; x = all[x].prev) if (all[x].sec > 0 && (!kept || kept.has(all[x]))) secs.push(all[x]);
      shown.push([b.page, kind]);
      best.set(b.page, secs.sort(compare));
    }
    const matched = new Set(terms.flatMap((t) => t.cands.map(([c]) => c)));
    for (const [page, kind] of shown) {
      let [url, title, crumbs, recs] = await pageOf(m, page);
      // From disk, a folder URL shows a listing, not its index.html.
      if (root.startsWith("file:") && url.endsWith("/")) url += "index.html";
      const sections = best.get(page).slice(0, 3).map((r) => {
        const [id, t, text] = recs[r.sec];
        return { url: root + url.slice(1) + "#" + (id || slug(t)), title: t, excerpt: excerpt(text, matched) };
      });
      res.push({ url: root + url.slice(1), title, kind, crumbs, excerpt: excerpt(recs[0][2], matched), sections });
    }
    return res;
  };
  search._load = (name, data) => shards[name] && shards[name].ok(data);
  search.root = root;
  hb.search = search;

  // The user interface: the header's search box and the /search/ page.
  const label = (k) => k.charAt(0).toUpperCase() + k.slice(1);
  const el = (tag, attrs, html) => Object.assign(document.createElement(tag), attrs, html === undefined ? {} : { innerHTML: html });
  const chips = (box, counts, kind, pick) => {
    box.textContent = "";
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const [k, n] of [["", total], ...Object.entries(counts).sort()]) {
      const b = el("button", { type: "button", className: "chip", textContent: (k ? label(k) : "All") + " " + n });
      b.dataset.kind = k;
      b.setAttribute("aria-pressed", String(k === kind));
      b.addEventListener("mousedown", (e) => e.preventDefault());
      b.addEventListener("click", () => pick(k));
      box.append(b);
    }
  };
  const item = (r) =>
    `<span class="hit-head"><span class="tag">${escape(label(r.kind))}</span> <span class="hit-crumbs">${escape(r.crumbs)}</span></span>` +
    `<span class="hit-title">${escape(r.title)}</span><span class="hit-text">${r.excerpt}</span>`;

  const box = (form) => {
    const input = form.querySelector("input[type=search]");
    const pop = form.querySelector(".search-pop");
    const list = pop.querySelector("[role=listbox]");
    const filters = pop.querySelector(".chips");
    let seq = 0, kind = "", active = -1;
    const options = () => [...list.querySelectorAll("[role=option]")];
    const open = (yes) => {
      pop.hidden = !yes;
      input.setAttribute("aria-expanded", String(yes));
    };
    const select = (i) => {
      const os = options();
      active = i < 0 || !os.length ? -1 : i % os.length;
      os.forEach((o, j) => o.setAttribute("aria-selected", String(j === active)));
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", os[active].id);
        os[active].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    };
    const run = async () => {
      const q = input.value, n = ++seq;
      if (!q.trim()) return open(false);
      const rs = await search(q, { kind });
      if (n !== seq) return;
      list.textContent = "";
      let id = 0;
      const add = (html, href, cls) => {
        const li = el("li", { id: "hb-opt-" + id++, className: cls });
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.append(el("a", { href, tabIndex: -1 }, html));
        list.append(li);
      };
      for (const r of rs) {
        add(item(r), r.url, "hit");
        for (const s of r.sections) add(`<span class="hit-title">${escape(s.title)}</span><span class="hit-text">${s.excerpt}</span>`, s.url, "hit sub");
      }
      if (!rs.length) list.append(el("li", { className: "none", textContent: "No results for “" + q + "”" }));
      chips(filters, rs.counts, kind, (k) => {
        kind = k;
        input.focus();
        run();
      });
      active = -1;
      select(-1);
      open(true);
    };
    input.addEventListener("input", () => {
      kind = "";
      run();
    });
    input.addEventListener("focus", () => {
      getManifest();
      if (input.value.trim() && pop.hidden) run();
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (pop.hidden) return run();
        select(e.key === "ArrowDown" ? active + 1 : active <= 0 ? options().length - 1 : active - 1);
      } else if (e.key === "Enter" && active >= 0 && !pop.hidden) {
        e.preventDefault();
        location.href = options()[active].querySelector("a").href;
      } else if (e.key === "Escape") {
        open(false);
      }
    });
    form.addEventListener("submit", (e) => {
      if (active >= 0 && !pop.hidden) {
        e.preventDefault();
        location.href = options()[active].querySelector("a").href;
      }
    });
    form.addEventListener("focusout", (e) => {
      if (!form.contains(e.relatedTarget)) open(false);
    });
    document.addEventListener("keydown", (e) => {
      const t = e.target, typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if ((e.key === "/" && !typing) || (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
  };

  const page = async (out) => {
    const q = new URLSearchParams(location.search).get("q") || "";
    const input = document.getElementById("hb-search-page-q");
    input.value = q;
    if (!q.trim()) return;
    const filters = el("div", { className: "chips" }), list = el("ol", { className: "results" }), status = el("p", { className: "status" });
    out.append(status, filters, list);
    const show = async (kind) => {
      const rs = await search(q, { kind, limit: 50 });
      status.textContent = rs.total ? `${rs.total} ${rs.total === 1 ? "page" : "pages"} found for “${q}”` : `Nothing found for “${q}”`;
      chips(filters, rs.counts, kind, show);
      list.innerHTML = rs.map((r) =>
        `<li class="hit"><a href="${escape(r.url)}">${item(r)}</a>` +
        (r.sections.length ? `<ul>${r.sections.map((s) => `<li><a href="${escape(s.url)}"><span class="hit-title">${escape(s.title)}</span><span class="hit-text">${s.excerpt}</span></a></li>`).join("")}</ul>` : "") +
        "</li>").join("");
    };
    await show("");
  };

  const init = () => {
    document.querySelectorAll("form.search").forEach(box);
    const out = document.getElementById("hb-search-page");
    if (out) page(out);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
