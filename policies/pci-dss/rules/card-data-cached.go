package checkout

import "context"

func Hold(ctx context.Context, sid string, req Request) error {
	// ruleid: pci-pan-cached-go
	if err := rdb.Set(ctx, "pan:"+sid, req.CardNumber, 0).Err(); err != nil {
		return err
	}
	// ok: pci-pan-cached-go
	return rdb.Set(ctx, "tok:"+sid, req.CardToken, 0).Err()
}

func HoldMore(ctx context.Context, sid string, req Request) error {
	// ruleid: pci-pan-cached-go
	rdb.HSet(ctx, "card:"+sid, "pan", req.Pan)
	// ok: pci-pan-cached-go
	return rdb.HSet(ctx, "card:"+sid, "last4", req.Last4).Err()
}
