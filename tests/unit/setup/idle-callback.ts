// happy-dom has no requestIdleCallback, which Chromium and Firefox give content scripts: the list
// builds its later rows with it (components/sidebar/ChapterList.tsx). A timer stands in, as idle
// time comes at once in a test DOM.
if (typeof globalThis.requestIdleCallback !== 'function') {
  globalThis.requestIdleCallback = ((callback: IdleRequestCallback) =>
    setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0)) as unknown as typeof requestIdleCallback;
  globalThis.cancelIdleCallback = ((id: number) => clearTimeout(id)) as typeof cancelIdleCallback;
}
