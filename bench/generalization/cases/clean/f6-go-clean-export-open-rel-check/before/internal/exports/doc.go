// Package exports stores CSV exports generated for merchants.
package exports
