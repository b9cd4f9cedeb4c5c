/* Keep copies of the site from contacting the published site.
 *
 * Every page head names its translations with absolute hreflang links to the published site, for
 * search engines. Material reads those links at start-up and fetches a sitemap next to each one.
 * Where this page is not read on the published site itself (opened from file://, in a local
 * preview, from the offline copy), those links are removed before Material starts, so nothing is
 * requested from another host. This file is listed in extra.polyfills, which run first. */
(function () {
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < links.length; i++) {
    var link = links[i];
    if (location.protocol === "file:" || new URL(link.href).origin !== location.origin) {
      link.parentNode.removeChild(link);
    }
  }
})();
