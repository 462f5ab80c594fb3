#!/usr/bin/env node
console.log('yieldcraft: work in progress');
