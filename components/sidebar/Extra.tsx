import type { ComponentProps, FunctionComponent } from 'preact';
import type { SidebarExtras } from '../../utils/sidebar/extras-list';
import { sidebarExtras } from '../../utils/sidebar/extras';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';

/**
 * One of the sidebar's extras (utils/sidebar/extras.ts) by name: nothing until the extras script
 * has arrived, then the component. Only the parts that show one subscribe, so their arrival
 * re-renders those parts, not every row of a long list.
 */
/** The extras that are components (the rest are functions the session calls). */
type ExtraComponent = Exclude<keyof SidebarExtras, 'considerEditionShift' | 'verifyDuration' | 'answerTab' | 'search'>;

export function Extra<K extends ExtraComponent>({ name, props }: { name: K; props: ComponentProps<SidebarExtras[K]> }) {
  const extras = useSignalValue(sidebarExtras);
  if (!extras) return null;
  // Each name's props are checked at the call; inside, TypeScript cannot narrow the union by `K`.
  const Component = extras[name] as FunctionComponent<object>;
  return <Component {...(props as object)} />;
}
