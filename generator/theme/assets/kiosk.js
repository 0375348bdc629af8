/* congkhai counter screen: rotation, touch browsing with idle return, clock, and reload on a newer build.
 *
 * URL settings: ?giay=15 (seconds per slide), ?thu-tu=linh-vuc|danh-sach (order: each field's list then its
 * procedures, or every list first), ?cho=60 (idle seconds before the rotation resumes), ?kiem-tra=300
 * (seconds between checks for a newer build), ?video=0 (no videos). Everything it needs is on this site: it works offline.
 * A video guide follows the slide it belongs to (a procedure's, a field's list, or the end of the rotation): it plays
 * muted with its captions, and its end resumes the rotation (so does an error, or a stall past its length).
 * QR codes are drawn here (vendor/qrcode-generator), when their slide is first shown: a screen of a
 * thousand procedures draws only the codes it shows.
 */
(function () {
  "use strict";

  var root = document.querySelector(".kiosk");
  if (!root) return;
  var params = new URLSearchParams(location.search);
  var number = function (name, fallback, least) { var v = Number(params.get(name)); return v >= least ? v : fallback; };
  var interval = number("giay", 15, 3) * 1000, idle = number("cho", 60, 5) * 1000, check = number("kiem-tra", 300, 10) * 1000;
  var base = new URL((document.querySelector('meta[name="ck-base"]') || { content: "." }).content.replace(/\/?$/, "/"), location.href);
  addShared();
  var slides = ordered();
  if (params.get("thu-tu") === "danh-sach") {
    slides = slides.filter(function (s) { return s.classList.contains("kiosk__list"); })
      .concat(slides.filter(function (s) { return !s.classList.contains("kiosk__list"); }));
  }
  var browse = root.querySelector(".kiosk__browse"), choices = root.querySelector(".kiosk__choices");
  var search = root.querySelector(".kiosk__search");
  var current = -1, timer = null, idleTimer = null, watchdog = null;
  var kiosk = window.congkhaiKiosk = { paused: false };
  kiosk.order = slides.map(name);  /* what the rotation shows, in order: codes, "list:<field>", "video:<what it follows>" */

  function show(index) {
    if (current >= 0) { slides[current].hidden = true; stop(slides[current]); }
    current = (index + slides.length) % slides.length;
    slides[current].hidden = false;
    drawCodes(slides[current]);
    kiosk.current = current;
    kiosk.slide = name(slides[current]);
    if (player(slides[current]) && !kiosk.paused) play(slides[current], true);
  }

  function name(slide) {
    if (slide.hasAttribute("data-video-of")) return "video:" + slide.getAttribute("data-video-of");
    return slide.getAttribute("data-code") || "list:" + slide.getAttribute("data-field");
  }

  /* A video slide holds the rotation while it plays; the next slide comes when it ends. */
  function player(slide) { return slide.classList.contains("kiosk__video") ? slide.querySelector("video") : null; }

  function play(slide, fromStart) {
    var video = player(slide);
    clearInterval(timer);
    video.muted = true;
    video.preload = "auto";
    if (video.textTracks.length) video.textTracks[0].mode = "showing";
    if (fromStart && video.currentTime) video.currentTime = 0;
    guard(slide);
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () { if (!video.paused) return; moveOn(slide); });
  }

  function stop(slide) {
    var video = player(slide);
    clearTimeout(watchdog);
    if (video) video.pause();
  }

  function moveOn(slide) {
    if (slides[current] !== slide || kiosk.paused) return;
    show(current + 1);
    if (!player(slides[current])) rotate();
  }

  /* A stalled video moves on too: once its length (or ten minutes) has passed, and a slide's time more. */
  function guard(slide) {
    var video = player(slide), left = isFinite(video.duration) ? video.duration - video.currentTime : 600;
    clearTimeout(watchdog);
    watchdog = setTimeout(function () { moveOn(slide); }, left * 1000 + interval);
  }

  function watch(slide) {
    var video = player(slide), source = video.querySelector("source");
    video.addEventListener("ended", function () { moveOn(slide); });
    video.addEventListener("error", function () { moveOn(slide); });
    if (source) source.addEventListener("error", function () { moveOn(slide); });
    video.addEventListener("loadedmetadata", function () { if (slides[current] === slide && !kiosk.paused) guard(slide); });
  }

  function rotate() {
    clearInterval(timer);
    timer = setInterval(function () { show(current + 1); }, interval);
  }

  function pause() {
    kiosk.paused = true;
    clearInterval(timer);
    if (current >= 0) stop(slides[current]);
    browse.hidden = false;
    touched();
  }

  function resume() {
    kiosk.paused = false;
    browse.hidden = true;
    clearTimeout(idleTimer);
    if (current >= 0 && player(slides[current])) play(slides[current], false);
    else rotate();
  }

  function touched() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(resume, idle);
  }

  function choose(list) {
    choices.textContent = "";
    list.forEach(function (slide) {
      var item = document.createElement("li"), button = document.createElement("button");
      button.type = "button";
      button.className = "kiosk__button";
      button.textContent = slide.querySelector("h2").textContent;
      button.addEventListener("click", function () {
        show(slides.indexOf(slide));
        browse.hidden = true;
        touched();
      });
      item.appendChild(button);
      choices.appendChild(item);
    });
  }

  var procedures = slides.filter(function (s) { return s.hasAttribute("data-code"); });
  root.querySelector(".kiosk__slides").addEventListener("click", function () { pause(); });
  root.querySelector("[data-resume]").addEventListener("click", resume);
  browse.addEventListener("click", touched);
  browse.addEventListener("keydown", touched);
  Array.prototype.forEach.call(root.querySelectorAll("[data-field-button]"), function (button) {
    button.addEventListener("click", function () {
      var field = button.getAttribute("data-field-button");
      choose(procedures.filter(function (s) { return s.getAttribute("data-field") === field; }));
    });
  });
  search.addEventListener("input", function () {
    touched();
    var words = window.congkhai.searchText(search.value).split(" ").filter(Boolean);
    if (!words.length) { choices.textContent = ""; return; }
    choose(procedures.filter(function (s) {
      var text = " " + window.congkhai.searchText(s.querySelector("h2").textContent + " " + s.getAttribute("data-code")) + " ";
      return words.every(function (w) { return text.indexOf(" " + w) >= 0; });
    }).slice(0, 12));
  });

  var clock = root.querySelector(".kiosk__clock");
  var days = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  var two = function (n) { return (n < 10 ? "0" : "") + n; };
  function tick() {
    var now = new Date();
    clock.textContent = days[now.getDay()] + ", " + two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear() +
      " " + two(now.getHours()) + ":" + two(now.getMinutes());
    clock.setAttribute("datetime", now.toISOString());
  }

  /* Each [data-qr] figure gets the QR code of its address: byte mode, level M, as an SVG path of dark runs. */
  if (typeof qrcode === "function") qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];
  function drawCodes(slide) {
    Array.prototype.forEach.call(slide.querySelectorAll("[data-qr]"), function (figure) {
      if (figure.querySelector("svg") || typeof qrcode !== "function") return;
      var code = qrcode(0, "M");
      code.addData(figure.getAttribute("data-qr"), "Byte");
      code.make();
      var size = code.getModuleCount(), border = 2, path = "";
      for (var row = 0; row < size; row += 1) {
        for (var col = 0; col < size; col += 1) {
          if (!code.isDark(row, col)) continue;
          var start = col;
          while (col + 1 < size && code.isDark(row, col + 1)) col += 1;
          path += "M" + (start + border) + " " + (row + border) + "h" + (col - start + 1) + "v1h-" + (col - start + 1) + "z";
        }
      }
      var box = size + 2 * border;
      figure.insertAdjacentHTML("afterbegin", '<svg viewBox="0 0 ' + box + " " + box + '" shape-rendering="crispEdges" aria-hidden="true">' +
        '<path fill="#fff" d="M0 0h' + box + "v" + box + "h-" + box + 'z"/><path fill="#000" d="' + path + '"/></svg>');
    });
  }

  /* Slides that many screens share (every commune's) come from one file: add those of this screen's fields. */
  function addShared() {
    var kind = root.getAttribute("data-shared"), shared = window.congkhaiSlides && window.congkhaiSlides[kind];
    if (!shared) return;
    var holder = document.createElement("template"), place = root.querySelector(".kiosk__slides");
    holder.innerHTML = shared.split("__CKROOT__").join(base.pathname);
    var listed = {};
    Array.prototype.forEach.call(place.querySelectorAll(".kiosk__list"), function (s) { listed[s.getAttribute("data-field")] = true; });
    Array.prototype.forEach.call(holder.content.querySelectorAll("[data-slide]"), function (slide) {
      if (listed[slide.getAttribute("data-field")]) place.appendChild(slide);
    });
  }

  /* Each field's list, then its procedures in the order of their names; each video after the slide it follows. */
  function ordered() {
    var all = Array.prototype.slice.call(root.querySelectorAll("[data-slide]")), result = [], fields = [];
    var films = all.filter(function (s) { return s.hasAttribute("data-video-of"); });
    all = all.filter(function (s) { return !s.hasAttribute("data-video-of"); });
    all.forEach(function (s) { var f = s.getAttribute("data-field"); if (fields.indexOf(f) < 0) fields.push(f); });
    fields.forEach(function (field) {
      var mine = all.filter(function (s) { return s.getAttribute("data-field") === field; });
      result = result.concat(mine.filter(function (s) { return !s.hasAttribute("data-code"); }),
        mine.filter(function (s) { return s.hasAttribute("data-code"); })
          .sort(function (a, b) { return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); }));
    });
    films.forEach(function (film) {
      var of = film.getAttribute("data-video-of"), at = of ? -1 : result.length;
      for (var i = result.length - 1; of && i >= 0 && at < 0; i -= 1) if (name(result[i]) === of) at = i + 1;
      if (at < 0 || params.get("video") === "0") { film.parentNode.removeChild(film); return; }
      while (at < result.length && result[at].getAttribute("data-video-of") === of) at += 1;
      result.splice(at, 0, film);
      watch(film);
    });
    return result;
  }

  /* A newer build: reload. Offline, or any failure: keep showing what is here, and try again later. */
  function poll() {
    fetch(new URL("ban-dung.json?t=" + Date.now(), base), { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && data.build && data.build !== root.getAttribute("data-build")) location.reload(); })
      .catch(function () {});
  }

  tick();
  setInterval(tick, 1000);
  setInterval(poll, check);
  if (slides.length) { show(0); if (!player(slides[0])) rotate(); }
})();
