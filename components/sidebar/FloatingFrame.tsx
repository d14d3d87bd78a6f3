import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { floatingBox, type Box } from '../../utils/sidebar/floating';
import type { SidebarState } from '../../utils/sidebar/state';
import { trusted } from './trusted';

const boxOf = (element: Element): Box => {
  const rect = element.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
};

/**
 * The floating sidebar's frame: placed clear of the player and its controls, and moved by
 * dragging its header (the buttons in it keep working). It places itself again when the window
 * resizes, unless the person moved it.
 */
export function FloatingFrame({ state, children }: { state: SidebarState; children: ComponentChildren }) {
  const place = () => floatingBox({ width: window.innerWidth, height: window.innerHeight }, state.keepClear().map(boxOf));
  const [box, setBox] = useState<Box>(place);
  const moved = useRef(false);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useEffect(() => {
    const onResize = () => {
      if (!moved.current) setBox(place());
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
    // Once: `place` reads the window and the state's elements afresh on every resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onPointerDown = (event: PointerEvent) => {
    const target = event.target as Element;
    if (event.button !== 0 || !target.closest('.cb-header') || target.closest('button, input, a')) return;
    drag.current = { x: event.clientX, y: event.clientY, left: box.left, top: box.top };
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    moved.current = true;
    // Kept inside the window, so the header can always be grabbed again.
    const left = Math.min(Math.max(0, start.left + event.clientX - start.x), window.innerWidth - 80);
    const top = Math.min(Math.max(0, start.top + event.clientY - start.y), window.innerHeight - 40);
    setBox((current) => ({ ...current, left, top }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <div
      class="cb-float"
      style={{
        left: `${box.left}px`,
        top: `${box.top}px`,
        width: `${box.width}px`,
        maxHeight: `${Math.min(box.height, window.innerHeight - box.top - 8)}px`,
      }}
      onPointerDown={trusted(onPointerDown)}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      {children}
    </div>
  );
}
