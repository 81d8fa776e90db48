package users

type User struct {
	Email        string
	PasswordHash string
}
