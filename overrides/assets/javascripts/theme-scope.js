/* Material for MkDocs' base partial (partials/javascripts/base.html, 9.8.1), moved from an inline
 * script into this file so that pages need no inline script. The scope, which the theme wrote
 * into the inline script, comes from the script element's data-md-scope attribute. One change:
 * where the browser's storage throws (blocked or broken), __md_get returns null, as when nothing
 * is stored, and __md_set does nothing, instead of stopping the theme's scripts (the light/dark
 * choice, search). */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(t.pathname+"."+e))}catch(e){return null}},__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
