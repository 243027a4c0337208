package ChatKit::Error::Connection;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error';
use ChatKit::Error ();

our $VERSION = '0.01';

1;

__END__

=head1 NAME

ChatKit::Error::Connection - the request got no response

=head1 DESCRIPTION

The connection failed (refused, reset, DNS, TLS). Retried like the other SDKs
before it is thrown. Its C<message> is HTTP::Tiny's reason.

=cut
