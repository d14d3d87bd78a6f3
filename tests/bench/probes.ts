/**
 * Scripts injected into the page's main world before it loads. They watch the DOM only (the
 * sidebar's shadow root is open), so they measure what a viewer sees, from outside the extension.
 */
export const SIDEBAR_PROBE = `(() => {
  const bench = (window.__bench = { videoAt: [], sidebarAt: [], current: [] });
  const EXPECTED_ROWS = 16;
  const isMainVideo = (n) => n.matches && n.matches('#movie_player video.html5-main-video');
  const watchShadow = (host) => {
    const root = host.shadowRoot;
    if (!root) return;
    const done = () => root.querySelectorAll('li.cb-row').length >= EXPECTED_ROWS;
    const record = () => bench.sidebarAt.push(performance.now());
    if (done()) record();
    else {
      const wait = new MutationObserver(() => { if (done()) { wait.disconnect(); record(); } });
      wait.observe(root, { childList: true, subtree: true });
    }
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.attributeName !== 'aria-current' || r.target.getAttribute('aria-current') !== 'true') continue;
        const video = document.querySelector('#movie_player video.html5-main-video');
        bench.current.push({ index: Number(r.target.dataset.index), mediaTime: video.currentTime, rate: video.playbackRate, at: performance.now() });
      }
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (isMainVideo(n) || (n.querySelector && n.querySelector('#movie_player video.html5-main-video'))) bench.videoAt.push(performance.now());
      if (n.localName === 'chapterbar-sidebar') watchShadow(n);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;
