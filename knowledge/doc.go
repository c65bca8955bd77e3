// Package knowledge owns readoutbot's domain: reading readouts as users have
// them, extracting structured meetings, keeping them in a bleve index on disk,
// searching them and answering questions in plain words.
//
// It never imports discordgo; the bot package adapts it to Discord.
package knowledge
