import type { Placement } from '../sites/types';

/** "after #secondary-inner" or "floating": where the sidebar went, in a line of the popup's report. */
export function describePlacement(placement: Placement): string {
  if (placement.layout === 'floating') return 'floating';
  const { anchor } = placement;
  const name = anchor.id ? `#${anchor.id}` : `${anchor.localName}${anchor.classList[0] ? `.${anchor.classList[0]}` : ''}`;
  return `${placement.layout}, ${placement.append} in ${name}`;
}
