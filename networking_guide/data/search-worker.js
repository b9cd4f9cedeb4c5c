/* The guide's search worker (networking_guide/search/worker.py): the theme's own worker, whose
 * query is made to match the way each language's index is built.
 *
 * The theme appends a wildcard to every word typed ("parties" becomes "parties*"), and lunr
 * passes a word with a wildcard through no pipeline: no stemming, no stop words. The index holds
 * stems ("parti"), so "parties*" found nothing, and "how*", "i*" matched any word starting so.
 * Here each typed word goes through the index's own pipeline: a stop word is dropped, and the
 * word's stem is matched exactly; the last word also keeps its wildcard, for a word being typed.
 */
"use strict";

const THEME_WORKER = {{ theme_worker }};

function improve(lunr) {
  const NONE = lunr.Query.wildcard.NONE;
  const PROHIBITED = lunr.Query.presence.PROHIBITED;

  function typed(clause) {
    // A word as the theme passed it: a wildcard, and no pipeline.
    return !clause.usePipeline && clause.presence !== PROHIBITED && /\*$/.test(clause.term) && !/^\*/.test(clause.term);
  }

  function expand(index, clauses) {
    const last = clauses.length - 1;
    const expanded = [];
    clauses.forEach((clause, position) => {
      if (!typed(clause)) {
        expanded.push(clause);
        return;
      }
      const word = clause.term.slice(0, -1);
      const stems = index.pipeline.runString(word, { fields: clause.fields });
      if (!stems.length) return;  // a stop word
      stems.forEach((stem) => {
        // The last word may be half typed: its wildcard stays (and covers its stem when equal).
        if (position !== last || stem !== word) expanded.push(Object.assign({}, clause, { term: stem, wildcard: NONE, usePipeline: false }));
      });
      if (position === last) expanded.push(clause);
    });
    // A query of stop words only is searched as it was typed.
    return expanded.length ? expanded : clauses;
  }

  const query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    const index = this;
    return query.call(this, function (built) {
      build.call(built, built);
      built.clauses = expand(index, built.clauses);
    });
  };
}

// In a worker, importScripts loads the theme's worker at once; under the file:// shim
// (iframe-worker.js) it returns a promise.
const here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
Promise.resolve(importScripts(new URL(THEME_WORKER, here).href)).then(() => improve(self.lunr));
