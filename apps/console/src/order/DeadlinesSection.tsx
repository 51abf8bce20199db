import { Instant } from '../orders/Instant';
import { ShipCountdown } from '../orders/ShipCountdown';
import type { Deadline } from './deadlines';
import { Fact, Facts } from './Facts';
import { useOrderMessages } from './messages';
import { Section } from '../common/Section';

/** Each deadline in UTC (as the rules state them), counting down live while it still runs. */
export function DeadlinesSection({ deadlines }: { deadlines: Deadline[] }) {
  const m = useOrderMessages();
  return (
    <Section title={m.sections.deadlines} className="order-section">
      <Facts>
        {deadlines.map((deadline) => (
          <Fact key={deadline.key} term={deadline.label}>
            <span className="order-deadline">
              <Instant iso={deadline.at} utc />
              {deadline.running ? (
                // The list's countdown: one shared ticker for every deadline on the page.
                <ShipCountdown deadline={deadline.at} />
              ) : (
                <span className="order-note">{m.notRunning}</span>
              )}
              {deadline.notes.map((note) => (
                <span key={note.label} className="order-note">
                  {note.label}: <Instant iso={note.at} />
                </span>
              ))}
            </span>
          </Fact>
        ))}
      </Facts>
    </Section>
  );
}
