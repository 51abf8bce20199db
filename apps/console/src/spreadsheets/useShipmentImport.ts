import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { baseName, downloadBlob } from '../common/download';
import { failureReport } from './failure-report';
import { ImportFileError, type FileProblem } from './import-problems';
import { readSheet } from './read-sheet';
import { type RowResult, withOutcomes } from './row-results';
import { type ItemOutcome, sendShipmentBatches } from './shipment-batch';
import { readShipmentRows, type ShipmentSheet } from './shipment-rows';

/** checking: the dry run is under way; checked: nothing applied yet; applied: the real answers are in. */
export type PreviewStage = 'checking' | 'checked' | 'applying' | 'applied';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'refused'; fileName: string; problem: FileProblem }
  | {
      phase: 'preview';
      /** A new one per file, so the preview starts afresh (and takes focus) for each. */
      run: number;
      fileName: string;
      sheet: ShipmentSheet;
      results: RowResult[];
      stage: PreviewStage;
    };

interface ImportCallbacks {
  /** Says something in the page's status message (the preview's summary speaks for itself). */
  onAnnounce: (text: string) => void;
  /** Shipments were applied: the counts and the list are out of date. */
  onImported: () => void;
}

export interface ShipmentImport {
  state: ImportState;
  choose: (file: File) => void;
  apply: () => void;
  cancel: () => void;
  downloadFailures: () => void;
}

/**
 * A shipments spreadsheet from file to applied shipments: read it, check every row with the
 * server (a dry run; rows that fail in the browser are not sent), then apply the ready ones.
 * Another file or Cancel abandons a run; answers for an abandoned run are dropped.
 */
export function useShipmentImport({ onAnnounce, onImported }: ImportCallbacks): ShipmentImport {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  // The state as last set, read at once by handlers (a second click on Apply sees `applying`).
  const stateRef = useRef(state);
  const update = (next: ImportState) => {
    stateRef.current = next;
    setState(next);
  };
  const run = useRef(0);
  const abort = useRef<AbortController | null>(null);
  // The language and callbacks of the latest render, for the async steps that outlive theirs.
  const latest = useRef({ t, onAnnounce, onImported });
  useLayoutEffect(() => {
    latest.current = { t, onAnnounce, onImported };
  });

  useEffect(() => () => abort.current?.abort(), []);

  const startRun = () => {
    abort.current?.abort();
    abort.current = new AbortController();
    run.current += 1;
    return { mine: run.current, signal: abort.current.signal };
  };

  const choose = useCallback((file: File) => {
    const { mine, signal } = startRun();
    const current = () => mine === run.current;
    update({ phase: 'reading', fileName: file.name });
    // What the page said last (an earlier import, an export) is not about this file.
    latest.current.onAnnounce('');
    void (async () => {
      let sheet: ShipmentSheet;
      try {
        sheet = readShipmentRows(await readSheet(file));
      } catch (error) {
        if (!current()) return;
        const problem: FileProblem =
          error instanceof ImportFileError ? error.problem : { code: 'unreadable' };
        update({ phase: 'refused', fileName: file.name, problem });
        return;
      }
      if (!current()) return;
      const results: RowResult[] = sheet.rows.map((row) =>
        row.problem ? { state: 'failed', problem: row.problem } : { state: 'checking' },
      );
      update({ phase: 'preview', run: mine, fileName: file.name, sheet, results, stage: 'checking' });

      const toCheck = sheet.rows.flatMap((row, index) => (row.problem ? [] : [index]));
      let outcomes: ItemOutcome[];
      try {
        outcomes = await sendShipmentBatches(
          toCheck.map((index) => sheet.rows[index].item),
          true,
          signal,
        );
      } catch {
        return; // Abandoned: another file or Cancel.
      }
      if (!current()) return;
      const checked = withOutcomes(results, toCheck, outcomes, 'ready');
      update({ phase: 'preview', run: mine, fileName: file.name, sheet, results: checked, stage: 'checked' });
    })();
  }, []);

  const apply = useCallback(() => {
    const preview = stateRef.current;
    if (preview.phase !== 'preview' || preview.stage !== 'checked') return;
    const mine = run.current;
    const { sheet, results } = preview;
    const toApply = results.flatMap((result, index) => (result.state === 'ready' ? [index] : []));
    if (toApply.length === 0) return;
    update({ ...preview, stage: 'applying' });
    latest.current.onAnnounce(latest.current.t.importApplying);
    void (async () => {
      // Not abandoned once sent: the server applies what it received either way.
      const outcomes = await sendShipmentBatches(
        toApply.map((index) => sheet.rows[index].item),
        false,
      );
      const applied = withOutcomes(results, toApply, outcomes, 'shipped');
      const failed = outcomes.filter((outcome) => !outcome.ok).length;
      const { t: now, onAnnounce: announce, onImported: imported } = latest.current;
      if (mine === run.current) update({ ...preview, results: applied, stage: 'applied' });
      announce(now.importDone(toApply.length - failed, failed));
      imported();
    })();
  }, []);

  const cancel = useCallback(() => {
    const current = stateRef.current;
    if (current.phase === 'preview' && current.stage === 'applying') return;
    startRun();
    update({ phase: 'idle' });
  }, []);

  const downloadFailures = useCallback(() => {
    const current = stateRef.current;
    if (current.phase !== 'preview') return;
    downloadBlob(
      failureReport(current.sheet, current.results, latest.current.t),
      `${baseName(current.fileName)}-failures.csv`,
    );
  }, []);

  return { state, choose, apply, cancel, downloadFailures };
}
