interface PanelButtonProps {
  /** Its text (Open, Decide) and its accessible name, which says what it opens. */
  text: string;
  label: string;
  /** Its panel is open: the button says so and controls it. */
  open: boolean;
  panelId: string;
  onClick: (button: HTMLButtonElement) => void;
}

/** A row's button that opens the row's panel; the panel's closing gives the focus back to it. */
export function PanelButton({ text, label, open, panelId, onClick }: PanelButtonProps) {
  return (
    <button
      type="button"
      className="button-small"
      aria-label={label}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={(event) => onClick(event.currentTarget)}
    >
      {text}
    </button>
  );
}
