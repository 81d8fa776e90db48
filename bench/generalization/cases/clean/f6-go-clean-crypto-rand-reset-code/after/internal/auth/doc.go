// Package auth implements sign-in, MFA and account recovery.
package auth
