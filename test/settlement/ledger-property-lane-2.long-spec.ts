import { ledgerPropertyLane } from './ledger-property';

// SET-6, lane 2 of the property run (see ledger-property.ts); the lanes run in parallel workers.
ledgerPropertyLane(1);
