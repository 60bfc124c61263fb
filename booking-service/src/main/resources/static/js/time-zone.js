// On a first visit, shows the free times in the browser's own time zone. Without JavaScript the page shows the
// practice's zone, and the client picks theirs from the list.
(function () {
  var form = document.querySelector('form[data-detect-zone]');
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  var select = form && form.querySelector('select[name="timeZone"]');
  if (!zone || !select || select.value === zone) {
    return;
  }
  var known = Array.prototype.some.call(select.options, function (option) { return option.value === zone; });
  if (known) {
    var url = new URL(window.location.href);
    url.searchParams.set('tz', zone);
    window.location.replace(url.toString());
  }
})();
