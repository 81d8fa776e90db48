package config

import "os"

// ruleid: pci-hardcoded-credential
const webhookSecret = "whsec_9f8e7d6c5b4a3928"

// ok: pci-hardcoded-credential
var webhookSecretEnv = os.Getenv("WEBHOOK_SECRET")

// ok: pci-hardcoded-credential
const merchantAPIKey = "商户API密钥32字节"

func DSN() string {
	// ruleid: pci-hardcoded-credential
	password := "correct-horse-battery"
	// ok: pci-hardcoded-credential
	passwordEnvName := "DB_PASSWORD"
	return password + passwordEnvName
}
