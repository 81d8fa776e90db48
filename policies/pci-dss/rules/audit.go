package payments

import (
	"github.com/stripe/stripe-go/v76"
	"gorm.io/gorm"
)

type Service struct {
	db    *gorm.DB
	audit *AuditLog
}

// ruleid: pci-audit-event-missing-go
func (s *Service) RefundOrder(order *Order) error {
	order.Status = "refunded"
	if err := s.db.Save(order).Error; err != nil {
		return err
	}
	return nil
}

// ok: pci-audit-event-missing-go
func (s *Service) RefundOrderAudited(actorID string, order *Order) error {
	order.Status = "refunded"
	s.db.Save(order)
	s.audit.Record("refund.issued", actorID, order.ID)
	return nil
}

// ruleid: pci-audit-event-missing-go
func ResetPassword(db *gorm.DB, user *User, hash string) error {
	user.PasswordHash = hash
	return db.Save(user).Error
}

// ok: pci-audit-event-missing-go
func GetRefund(db *gorm.DB, id string) (*stripe.Refund, error) {
	var r stripe.Refund
	err := db.First(&r, "id = ?", id).Error
	return &r, err
}

type Gateway interface {
	Refund(id string) error
}

type Handler struct {
	GW Gateway
	db *gorm.DB
}

// an unexported pass-through to the gateway's Refund; the HTTP handler that calls it
// decides what happened
// ok: pci-audit-event-missing-go
func (h *Handler) refund(id string) error {
	if err := h.GW.Refund(id); err != nil {
		return fmt.Errorf("refund %s: %w", id, err)
	}
	return nil
}

// ruleid: pci-audit-event-missing-go
func (h *Handler) refundAndStore(order *Order) error {
	if err := h.GW.Refund(order.ChargeID); err != nil {
		return err
	}
	return h.db.Save(order).Error
}

type IdentityPersister struct{ db *gorm.DB }

// ok: pci-audit-event-missing-go
func (p *IdentityPersister) UpdateCredentials(user *User, hash string) error {
	user.PasswordHash = hash
	return p.db.Save(user).Error
}

type OrderRepository struct{ db *gorm.DB }

// ok: pci-audit-event-missing-go
func (r OrderRepository) RefundOrder(order *Order) error {
	order.Status = "refunded"
	return r.db.Save(order).Error
}

type AccountService struct{ db *gorm.DB }

// ruleid: pci-audit-event-missing-go
func (s *AccountService) UpdatePassword(user *User, hash string) error {
	user.PasswordHash = hash
	return s.db.Save(user).Error
}
