/**
 * The manifest's FunctionFile (commands.html): Office loads it in the background and only needs
 * office.js initialized there, since the ribbon button just opens the pane. office.js comes from the
 * CDN of the cloud the manifest names (`commands.html?cloud=21vianet`), as in the pane.
 */
import { cloudFromSearch, OFFICE_JS_URLS } from './office-js.js';

const script = document.createElement('script');
script.src = OFFICE_JS_URLS[cloudFromSearch(location.search)];
script.onload = () => {
  void Office.onReady();
};
script.onerror = () => {
  // Nobody sees this page: an uncaught error is what reaches Office's runtime log and the devtools.
  throw new Error(`could not load ${script.src}`);
};
document.head.appendChild(script);
