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
// How strongly a result missing some of the typed words is pushed down (score × coverage^weight).
const COVERAGE_WEIGHT = 2;

function improve(lunr) {
  const NONE = lunr.Query.wildcard.NONE;
  const PROHIBITED = lunr.Query.presence.PROHIBITED;

  function typed(clause) {
    // A word as the theme passed it: a wildcard, and no pipeline.
    return !clause.usePipeline && clause.presence !== PROHIBITED && /\*$/.test(clause.term) && !/^\*/.test(clause.term);
  }

  // Each typed word becomes its stems (exact) and, for the last word, its wildcard; stop words
  // are dropped. Returns the clauses, and per word what it matches (for the coverage below).
  function expand(index, clauses) {
    const last = clauses.length - 1;
    const expanded = [];
    const words = [];
    clauses.forEach((clause, position) => {
      if (!typed(clause)) {
        expanded.push(clause);
        return;
      }
      const word = clause.term.slice(0, -1);
      const stems = index.pipeline.runString(word, { fields: clause.fields });
      if (!stems.length) return;  // a stop word
      const matches = { exact: new Set(), prefix: position === last ? word : null };
      stems.forEach((stem) => {
        matches.exact.add(stem);
        // The last word may be half typed: its wildcard stays (and covers its stem when equal).
        if (position !== last || stem !== word) expanded.push(Object.assign({}, clause, { term: stem, wildcard: NONE, usePipeline: false }));
      });
      if (position === last) expanded.push(clause);
      words.push(matches);
    });
    // A query of stop words only is searched as it was typed.
    return expanded.length ? { clauses: expanded, words } : { clauses, words: [] };
  }

  // How many of the typed words a result matches: a page that answers every word of a question
  // comes before one that repeats a single word of it in a title.
  function coverage(words, result) {
    if (words.length < 2) return 1;
    const tokens = Object.keys(result.matchData.metadata);
    const found = words.filter((word) => tokens.some((token) => word.exact.has(token) || (word.prefix && token.startsWith(word.prefix))));
    return found.length / words.length;
  }

  const query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    const index = this;
    let words = [];
    const results = query.call(this, function (built) {
      build.call(built, built);
      const expanded = expand(index, built.clauses);
      built.clauses = expanded.clauses;
      words = expanded.words;
    });
    results.forEach((result) => { result.score *= Math.pow(coverage(words, result), COVERAGE_WEIGHT); });
    return results.sort((a, b) => b.score - a.score);
  };
}

// In a worker, importScripts loads the theme's worker at once; under the file:// shim
// (iframe-worker.js) it returns a promise.
const here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
Promise.resolve(importScripts(new URL(THEME_WORKER, here).href)).then(() => improve(self.lunr));
