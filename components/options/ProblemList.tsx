import type { InputProblem } from '../../utils/chapters/schema';
import { problemPlace, problemSentence } from '../../utils/options/import-batch';

interface Props {
  problems: readonly InputProblem[];
  /** Errors stop the import; warnings only inform. */
  kind: 'error' | 'warning';
}

/** Problems of a chapter file, each with where it is (line or field) when the parser knows. */
export function ProblemList({ problems, kind }: Props) {
  return (
    <ul class={`op-problems op-problems-${kind}`}>
      {problems.map((problem, index) => {
        const place = problemPlace(problem);
        return (
          <li key={index}>
            {place && <span class="op-place">{place}</span>}
            <span>{problemSentence(problem)}</span>
          </li>
        );
      })}
    </ul>
  );
}
