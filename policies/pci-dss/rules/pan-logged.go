package payments

import (
	"fmt"
	"log"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func Authorize(req PaymentRequest) error {
	// ruleid: pci-pan-logged
	log.Printf("authorizing %s", req.CardNumber)
	// ok: pci-pan-logged
	log.Printf("authorizing %s", MaskPAN(req.CardNumber))
	// ok: pci-pan-logged
	log.Printf("authorizing card ending %s", req.CardNumber[len(req.CardNumber)-4:])
	if req.CVV == "" {
		// ruleid: pci-pan-logged
		return fmt.Errorf("missing cvv for card %s", req.CardNumber)
	}
	// ruleid: pci-sad-logged
	log.Printf("track data %s", req.Track2)
	// ok: pci-sad-logged
	log.Printf("pin block present: %t", len(req.PinBlock) > 0)
	return nil
}

func LoadTrack2Layout(t *testing.T, path string) {
	track2Json, err := os.ReadFile(path)
	require.NoError(t, err)
	layout, err := ImportLayout(track2Json)
	// ok: pci-sad-logged
	require.NoError(t, err)
	// ok: pci-sad-logged
	assert.Equal(t, "track2", layout.Name)
}
