import { FieldProblem } from './Field';

interface ChoiceFieldsetProps<T extends string> {
  /**
   * Its ids' prefix: the legend `${id}-legend`, each choice `${id}-${choice}` (see choiceId) with
   * its hint `${id}-${choice}-hint`, the problem `${id}-problem`.
   */
  id: string;
  legend: string;
  choices: readonly T[];
  value: T | undefined;
  onChange: (choice: T) => void;
  label: (choice: T) => string;
  hint: (choice: T) => string;
  /** Each choice's row (the page's CSS). */
  choiceClassName: string;
  problem: string | undefined;
}

/** A choice's radio button's id, to put focus on it. */
export const choiceId = (id: string, choice: string): string => `${id}-${choice}`;

/** A required choice of one, as radio buttons each with a hint; its problem beside them. */
export function ChoiceFieldset<T extends string>(props: ChoiceFieldsetProps<T>) {
  const { id, legend, choices, value, onChange, label, hint, choiceClassName, problem } = props;
  return (
    <fieldset
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-required="true"
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <legend id={`${id}-legend`}>{legend}</legend>
      {choices.map((choice) => (
        <div className={choiceClassName} key={choice}>
          <input
            type="radio"
            id={choiceId(id, choice)}
            name={id}
            value={choice}
            checked={value === choice}
            aria-describedby={`${choiceId(id, choice)}-hint`}
            onChange={() => onChange(choice)}
          />
          <label htmlFor={choiceId(id, choice)}>{label(choice)}</label>
          <span id={`${choiceId(id, choice)}-hint`} className="hint">
            {hint(choice)}
          </span>
        </div>
      ))}
      <FieldProblem id={id} problem={problem} />
    </fieldset>
  );
}
