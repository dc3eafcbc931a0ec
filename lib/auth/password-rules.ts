// NIST SP 800-63B-4 §3.1.1.2: at least 15 characters when a password is the only factor.
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 128;
