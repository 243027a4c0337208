package ChatKit::Error::Timeout;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::Connection';
use ChatKit::Error::Connection ();

our $VERSION = '0.01';

1;

__END__

=head1 NAME

ChatKit::Error::Timeout - the request timed out

=head1 DESCRIPTION

A L<ChatKit::Error::Connection>: no complete response came within the timeout.

=cut
