/** What other contexts and teams may depend on: events on topic `tradehub.compliance.v1`. */
export const COMPLIANCE_CONTEXT = 'compliance';
