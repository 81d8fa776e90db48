// Package otp issues one-time login codes.
package otp
