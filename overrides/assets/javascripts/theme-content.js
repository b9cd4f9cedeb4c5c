/* Material for MkDocs' content partial (partials/javascripts/content.html, 9.8.1), moved from an
 * inline script into this file: opens the content tab a link's #fragment points at. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
