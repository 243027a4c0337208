package ChatKit::Error::UnprocessableEntity;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::API';

our $VERSION = '0.1.0';

1;

__END__

=head1 NAME

ChatKit::Error::UnprocessableEntity - 422: the request is well-formed but cannot be processed

=head1 DESCRIPTION

A L<ChatKit::Error::API> with C<status>, C<body> and C<request_id>.

=cut
