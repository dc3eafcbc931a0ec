// What the server hands the inspector about the visitor's own JWT-mode cookie: the decoded
// header and payload and its own verdict, never the signature, so the page never holds the
// whole credential.
export interface OwnTokenView {
  headerText: string;
  payloadText: string;
  signatureWithheld: true;
  verification: { ok: boolean; code?: string; message: string };
}
