// Arabic name keys in the page, the same as kg.text.normalize.name_key gives
// in Python (tests/browser checks the two agree on a set of strings):
// diacritics, tatweel and invisible format characters dropped; hamza-carrying
// alefs to bare alef, alef maqsura to ya, ta marbuta to ha, lam-alef ligatures
// split, Arabic-Indic and Persian digits to ASCII; punctuation to spaces; a
// leading (clitic +) definite article removed from each word.
(function () {
  "use strict";
  var ALEF = "\u0627", YEH = "\u064a", HEH = "\u0647", KAF = "\u0643", LAM_ALEF = "\u0644\u0627";
  var FOLD = {
    "\u0623": ALEF, "\u0625": ALEF, "\u0622": ALEF, "\u0671": ALEF,  // hamza above, below, madda, wasla
    "\u0649": YEH,   // alef maqsura
    "\u06cc": YEH,   // Farsi yeh, common in web text for ya
    "\u0629": HEH,   // ta marbuta
    "\u06a9": KAF,   // keheh
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " "
  };
  var code;
  for (code = 0xfef5; code <= 0xfefc; code++) { FOLD[String.fromCharCode(code)] = LAM_ALEF; }
  for (code = 0; code < 10; code++) {
    FOLD[String.fromCharCode(0x0660 + code)] = String(code);  // Arabic-Indic digits
    FOLD[String.fromCharCode(0x06f0 + code)] = String(code);  // Persian digits
  }
  // harakat, tanwin, shadda, sukun; tatweel; superscript alef; Quranic marks;
  // zero-width and bidi controls; then any other format character
  var DROP = /^(?:[\u064b-\u0652\u0640\u0670\u0610-\u061a\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]|\p{Cf})$/u;
  var PUNCTUATION = /[^\p{L}\p{N}\s]|_/gu;
  // (wa, bi, li, fa +) al, or lil, before at least two more letters
  var ARTICLE = /^(?:[\u0648\u0628\u0644\u0641]?\u0627\u0644|\u0644\u0644)(?=[\p{L}\p{N}_]{2,})/u;

  function fold(text) {
    var out = "";
    for (var char of text) {
      if (Object.prototype.hasOwnProperty.call(FOLD, char)) {
        out += FOLD[char];
      } else if (!DROP.test(char)) {
        out += char;
      }
    }
    return out;
  }

  function nameKey(text) {
    var words = fold(String(text)).replace(PUNCTUATION, " ").split(/\s+/);
    return words.map(function (word) { return word.replace(ARTICLE, ""); })
      .filter(function (word) { return word.length > 0; }).join(" ");
  }

  window.kgNormalize = Object.freeze({ nameKey: nameKey });
})();
