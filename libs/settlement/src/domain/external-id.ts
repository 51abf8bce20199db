/** An id another team chose (a refund, a dispute, a seller): 1-128 printable ASCII characters. */
export const EXTERNAL_ID = /^[\x21-\x7e]{1,128}$/;
export const EXTERNAL_ID_MESSAGE = 'must be 1-128 printable ASCII characters';
