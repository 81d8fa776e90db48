// Package payouts moves settled funds to merchant bank accounts.
package payouts
