export interface FormState {
  message?: string;
  fields?: Record<string, string[]>;
  email?: string;
  mode?: string;
}
