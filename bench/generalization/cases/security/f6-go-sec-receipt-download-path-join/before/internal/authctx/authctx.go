package authctx

import "context"

type key struct{}

func WithMerchant(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, key{}, id)
}

func MerchantID(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}
