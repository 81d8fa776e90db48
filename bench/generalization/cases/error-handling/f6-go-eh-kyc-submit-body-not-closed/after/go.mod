module github.com/acme/onboarding

go 1.22
