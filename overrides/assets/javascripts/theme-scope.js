/* Material for MkDocs' base partial (partials/javascripts/base.html, 9.8.1), moved from an inline
 * script into this file so that pages need no inline script. The scope, which the theme wrote
 * into the inline script, comes from the script element's data-md-scope attribute. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
