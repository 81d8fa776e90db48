package kyc

import (
	"log"
	"log/slog"
)

func Check(c Customer) {
	// ruleid: soc2-personal-data-logged-go
	slog.Info("kyc check", "customer", c.ID, "ssn", c.SSN)
	// ruleid: soc2-personal-data-logged-go
	log.Printf("kyc failed for %s", c.Email)
	// ok: soc2-personal-data-logged-go
	slog.Info("kyc check", "customer", c.ID, "email_verified", c.EmailVerified)
	// ok: soc2-personal-data-logged-go
	log.Printf("kyc failed for %s", c.ID)
}
