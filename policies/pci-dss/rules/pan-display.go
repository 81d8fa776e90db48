package receipts

import "net/http"

func Receipt(c *gin.Context, p Payment) {
	// ruleid: pci-pan-unmasked-display
	c.JSON(http.StatusOK, gin.H{"card": p.CardNumber})
	// ok: pci-pan-unmasked-display
	c.JSON(http.StatusOK, gin.H{"card": MaskPAN(p.CardNumber)})
}

func Tail(pan string) string {
	// ruleid: pci-pan-mask-too-wide
	return "****" + pan[len(pan)-6:]
}

func TailOk(pan string) string {
	// ok: pci-pan-mask-too-wide
	return "****" + pan[len(pan)-4:]
}
