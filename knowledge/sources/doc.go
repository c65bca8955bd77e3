// Package sources keeps the knowledge index fed: it polls RSS/Atom feeds and
// listing pages that publish readouts, fetches each new item's page politely
// and safely, watches the data folder for dropped, edited and deleted files,
// and keeps each source's health (and what it has already seen) in a small
// bbolt file so nothing is indexed twice across restarts.
//
// It never imports discordgo or the bot: the bot adapts Notifier and Health
// to Discord.
package sources
