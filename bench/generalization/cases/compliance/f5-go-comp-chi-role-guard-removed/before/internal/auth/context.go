package auth

import "context"

type rolesKey struct{}

func withRoles(ctx context.Context, roles []string) context.Context {
	return context.WithValue(ctx, rolesKey{}, roles)
}

func hasRole(ctx context.Context, role string) bool {
	roles, _ := ctx.Value(rolesKey{}).([]string)
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}
