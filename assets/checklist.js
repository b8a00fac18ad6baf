// The onboarding checklist remembers its ticks in this browser
// (localStorage), one record per page, so that a new hire can come back to
// it over the weeks. There is no server. Without JavaScript, or without
// storage, the list still reads, ticks and prints; it only forgets.
(function () {
  "use strict";
  var list = document.querySelector(".checklist");
  if (!list) {
    return;
  }
  // The page's path keeps handbooks served from one host apart. A server
  // may answer both /onboarding/x/ and /onboarding/x/index.html (a file://
  // copy only the latter): one page, so one record.
  var storeKey = "handbook:checklist:" + location.pathname.replace(/\/index\.html$/, "/");
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(storeKey);
  } catch (e) {
    store = null; // storage disabled, as in some private windows
  }
  var ticked = {};
  if (store) {
    try {
      ticked = JSON.parse(store.getItem(storeKey) || "{}") || {};
    } catch (e) {
      ticked = {};
    }
  }
  var boxes = list.querySelectorAll("input[type=checkbox][data-key]");
  var progress = list.querySelector(".progress");

  function show() {
    var done = 0;
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) {
        done++;
      }
    }
    progress.textContent = done + " of " + boxes.length + " done";
    progress.hidden = false;
  }

  function save() {
    if (!store) {
      return;
    }
    try {
      store.setItem(storeKey, JSON.stringify(ticked));
    } catch (e) {
      // full or refused: the ticks last until the page is left
    }
  }

  Array.prototype.forEach.call(boxes, function (box) {
    box.checked = ticked[box.dataset.key] === true;
    box.addEventListener("change", function () {
      if (box.checked) {
        ticked[box.dataset.key] = true;
      } else {
        delete ticked[box.dataset.key];
      }
      save();
      show();
    });
  });
  show();
})();
