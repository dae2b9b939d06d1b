-- what about an accepted payment needs following up (a tax office of another county, an unlisted channel); null when nothing
alter table payment add column flags text;
