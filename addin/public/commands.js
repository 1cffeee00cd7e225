/* The ribbon has no function commands; Office only needs the page to initialize. */
Office.onReady(function () {});
