import type { Page } from 'playwright-core';
import { cdpOf } from './ax-session.ts';

interface Layer {
  layerId: string;
  backendNodeId?: number;
  drawsContent: boolean;
}

/**
 * The page's composited layers that belong to an element inside a shadow root hosted by `host`
 * (a tag name): each is redrawn, committed and composited with every frame the page makes, so a
 * sidebar adds none. Read from the compositor's own list (the DevTools protocol's LayerTree), once
 * it has been sent after the page's next frames.
 */
export async function layersInside(page: Page, host: string): Promise<Array<{ reasons: string[] }>> {
  const cdp = await cdpOf(page);
  const tree = new Promise<Layer[]>((resolve) => {
    const listener = (event: { layers?: Layer[] }) => {
      if (!event.layers) return;
      cdp.off('LayerTree.layerTreeDidChange', listener);
      resolve(event.layers);
    };
    cdp.on('LayerTree.layerTreeDidChange', listener);
  });
  await cdp.send('LayerTree.enable');
  // A frame after enabling sends the tree.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const layers = await tree;
  await cdp.send('DOM.enable');
  const found: Array<{ reasons: string[] }> = [];
  for (const layer of layers) {
    if (!layer.backendNodeId) continue;
    const resolved = await cdp.send('DOM.resolveNode', { backendNodeId: layer.backendNodeId }).catch(() => null);
    if (!resolved?.object.objectId) continue;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: resolved.object.objectId,
      // getRootNode() reaches closed roots too: this runs as DevTools, not as the page.
      functionDeclaration:
        'function () { const root = this.getRootNode(); return root instanceof ShadowRoot ? root.host.localName : null; }',
      returnByValue: true,
    });
    if (result.value !== host) continue;
    const { compositingReasonIds } = await cdp.send('LayerTree.compositingReasons', { layerId: layer.layerId });
    found.push({ reasons: compositingReasonIds ?? [] });
  }
  await cdp.send('LayerTree.disable');
  return found;
}
