// Package imports handles bulk uploads.
package imports
